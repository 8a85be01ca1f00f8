-- Webhook signing secrets are encrypted at rest (AES-256-GCM under aifc.webhooks.secret-key, webhooks/SecretBox):
-- secret holds "v1:<base64(nonce, ciphertext, tag)>" when secret_sealed. SQL cannot encrypt without the key, so rows
-- written before this migration (or by a replica of the previous version during a rolling upgrade) keep false here
-- until the service, at its next start, encrypts them in place (WebhookQueue.sealPlaintextSecrets); a delivery
-- meanwhile signs with the plain value.
alter table webhook_subscription add column secret_sealed boolean not null default false;
