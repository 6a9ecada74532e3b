import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components';
import type { MailLanguage } from './templates';

/** The link to choose a new password, in the reader's language; it works once, for thirty minutes. */
export function PasswordResetEmail({ company, name, link, language }: { company: string; name: string; link: string; language: MailLanguage }) {
  const { t } = language;
  return (
    <Html lang={language.locale}>
      <Head />
      <Preview>{t('passwordReset.preview', { company })}</Preview>
      <Body style={{ background: '#f3f4f6', fontFamily: 'Helvetica, Arial, sans-serif', color: '#111827' }}>
        <Container style={{ background: '#ffffff', margin: '24px auto', padding: '24px 28px', borderRadius: 8, maxWidth: 560 }}>
          <Heading as="h2" style={{ margin: '0 0 12px', fontSize: 18 }}>
            {company}
          </Heading>
          <Text style={{ fontSize: 14 }}>{t('greeting', { name })}</Text>
          <Text style={{ fontSize: 14 }}>{t('passwordReset.body')}</Text>
          <Button href={link} style={{ background: '#111827', color: '#ffffff', padding: '10px 16px', borderRadius: 6, fontSize: 14 }}>
            {t('passwordReset.button')}
          </Button>
          <Text style={{ fontSize: 12, color: '#6b7280' }}>{link}</Text>
          <Text style={{ fontSize: 12, color: '#6b7280' }}>{t('passwordReset.ignore')}</Text>
        </Container>
      </Body>
    </Html>
  );
}
