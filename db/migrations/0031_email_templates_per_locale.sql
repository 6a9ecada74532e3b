-- custom SQL (keep when regenerating)
-- E-mail template texts are kept per locale now: { template: { locale: { subject, intro } } }.
-- A text edited before was written for the desk's default language, so it becomes that
-- locale's text; the other locales start from their built-in translations.
UPDATE "settings" AS t
SET "value" = (
  SELECT coalesce(jsonb_object_agg(
    entry.key,
    CASE WHEN entry.value ? 'subject'
      THEN jsonb_build_object(
        coalesce((SELECT b."value" ->> 'default_locale' FROM "settings" AS b WHERE b."key" = 'billing'), 'en'),
        entry.value)
      ELSE entry.value END
  ), '{}'::jsonb)
  FROM jsonb_each(t."value") AS entry
)
WHERE t."key" = 'email_templates' AND jsonb_typeof(t."value") = 'object';
