export { createEmailNotifier, type EmailNotifierOptions, type EmailTransport, type OutgoingEmail } from './emailNotifier';
export { createEmailTransport, smtpOptions, EXCHANGE_ONLINE_SMTP_SCOPE, type EmailTransportDependencies } from './transport';
export { EMAIL_SETTING_NAMES, emailSettingsFrom, type EmailSettingSlice, type EmailSettings, type SmtpAuth } from './settings';
export { messageIdFor } from './messageId';
export { defaultEmailTemplates, render, type EmailTemplate, type EmailTemplates } from './templates';
export type { EmailDocument, RenderedEmail, Block, LinkItem } from './document';
