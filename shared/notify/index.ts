export type { Channel, Notifier, SendResult } from './notifier';
export { createInMemorySentMessageStore, type MessageIntent, type SentMessageRecord, type SentMessageStore } from './sentMessageStore';
export * from './viewModels';
export * from './reviewViewModels';
export * from './email';
export { createChannelRouter, chooseChannels, type ChannelRouter, type ChannelRouterOptions, type ChannelPreference, type RoutedSend } from './channelRouter';
