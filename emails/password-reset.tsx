import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components';

/** The link to choose a new password; it works once, for thirty minutes. */
export function PasswordResetEmail({ company, name, link }: { company: string; name: string; link: string }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>Choose a new password for {company}</Preview>
      <Body style={{ background: '#f3f4f6', fontFamily: 'Helvetica, Arial, sans-serif', color: '#111827' }}>
        <Container style={{ background: '#ffffff', margin: '24px auto', padding: '24px 28px', borderRadius: 8, maxWidth: 560 }}>
          <Heading as="h2" style={{ margin: '0 0 12px', fontSize: 18 }}>
            {company}
          </Heading>
          <Text style={{ fontSize: 14 }}>Hello {name},</Text>
          <Text style={{ fontSize: 14 }}>
            Someone asked to reset the password of your account. If it was you, choose a new password with this link. It works once, within 30 minutes.
          </Text>
          <Button href={link} style={{ background: '#111827', color: '#ffffff', padding: '10px 16px', borderRadius: 6, fontSize: 14 }}>
            Choose a new password
          </Button>
          <Text style={{ fontSize: 12, color: '#6b7280' }}>{link}</Text>
          <Text style={{ fontSize: 12, color: '#6b7280' }}>If you did not ask for this, ignore this e-mail: your password stays as it is.</Text>
        </Container>
      </Body>
    </Html>
  );
}
