import type { ComponentPropsWithoutRef } from 'react';
import ReactMarkdown, { type ExtraProps } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import { cn } from './ui/cn';

// Catalog text is typed by staff but read by every visitor: raw HTML is never rendered
// (skipHtml), and what markdown makes passes GitHub's sanitize schema, which keeps only safe
// elements and http(s)/mailto links, so a `javascript:` link loses its href.
const plugins = [rehypeSanitize];

const blockClass = 'space-y-2 [&_ol]:list-decimal [&_ol]:pl-5 [&_strong]:font-semibold [&_ul]:list-disc [&_ul]:pl-5';

/** A link that kept its address; one whose address was dropped reads as plain words, not a dead link. */
function SafeLink({ node: _, href, children, ...props }: ComponentPropsWithoutRef<'a'> & ExtraProps) {
  if (!href) return <span>{children}</span>;
  return (
    <a {...props} href={href} rel="nofollow noreferrer" className="text-accent underline underline-offset-2">
      {children}
    </a>
  );
}

/** Catalog markdown (a product's description) as sanitized HTML. */
export function Markdown({ text, className }: { text: string; className?: string }) {
  return (
    <div className={cn(blockClass, className)}>
      <ReactMarkdown skipHtml rehypePlugins={plugins} components={{ a: SafeLink }}>
        {text}
      </ReactMarkdown>
    </div>
  );
}

/** One line of catalog markdown (a feature bullet): emphasis and links, no paragraphs or blocks. */
export function InlineMarkdown({ text }: { text: string }) {
  return (
    <ReactMarkdown skipHtml rehypePlugins={plugins} allowedElements={['strong', 'em', 'code', 'a', 'del']} unwrapDisallowed components={{ a: SafeLink }}>
      {text}
    </ReactMarkdown>
  );
}
