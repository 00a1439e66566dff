import { ActionIcon, Code, CopyButton, Group, Tooltip } from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";

/**
 * A secret the API hands out once (an API key, a webhook's signing secret), in full, with a button
 * that copies it and says so.
 */
export function SecretField({
  secret,
  label,
  testId,
  words,
}: {
  secret: string;
  /** What the secret is, for screen readers. */
  label: string;
  testId: string;
  /** The copy button's tooltip and name, before and after copying. */
  words: { copy: string; copied: string; copySecret: string; secretCopied: string };
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Code
        block
        style={{ flex: 1, whiteSpace: "pre-wrap", wordBreak: "break-all", fontSize: 14 }}
        aria-label={label}
        data-testid={testId}
      >
        {secret}
      </Code>
      <CopyButton value={secret}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? words.copied : words.copy} withArrow>
            <ActionIcon
              variant={copied ? "filled" : "light"}
              color={copied ? "teal" : "indigo"}
              size="lg"
              onClick={copy}
              aria-label={copied ? words.secretCopied : words.copySecret}
            >
              {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
