import type { TFunction } from "i18next";
import type { ChannelFilter } from "../../backend/bindings/ChannelFilter";
import type { SalesChannel } from "../../backend/bindings/SalesChannel";

/** The sales channels in the order forms and filters list them. */
export const CHANNELS: SalesChannel[] = ["marketplace", "web_shop", "retail", "b2b"];

/** The list filters: each channel, then the records that have none. */
export const CHANNEL_FILTERS: ChannelFilter[] = [...CHANNELS, "unspecified"];

/** A channel's name in the user's language; none is "unspecified", never a guess. */
export function channelName(t: TFunction, channel: SalesChannel | null | undefined): string {
  return t(`channel.${channel ?? "unspecified"}`);
}

export function isChannel(value: unknown): value is SalesChannel {
  return typeof value === "string" && (CHANNELS as string[]).includes(value);
}

/** A form's select value ("" for none) as the act's input. */
export function channelOf(value: string): SalesChannel | null {
  return isChannel(value) ? value : null;
}
