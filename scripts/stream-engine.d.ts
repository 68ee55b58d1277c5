// The StreamEngine script API for JavaScript show scripts (.js, .mjs). Editors that read TypeScript declarations
// (VS Code, WebStorm …) complete and check scripts that start with:
//   /// <reference path="./stream-engine.d.ts" />
// C# scripts (.csx) see the same API as StreamEngine.Sdk.Scripting.ScriptGlobals. Guide: docs/scripting.md.

/** A layer in the scene file's JSON shape. */
interface Layer {
  id: string;
  /** Layer type from a plugin: "overlay.text", "shape", "image", "background", "chat", "host", "assistant" … */
  type: string;
  zIndex?: number;
  visible?: boolean;
  transform?: Transform;
  /** Type-specific properties (text, color, font, fill …). */
  props?: { [key: string]: any };
}

interface Transform {
  x?: number; y?: number; width?: number; height?: number;
  anchor?: { x?: number; y?: number };
  scaleX?: number; scaleY?: number; rotation?: number; opacity?: number;
}

/** A JSON merge patch for a layer: keys given replace, objects merge, null removes. */
type LayerPatch = { [K in keyof Layer]?: K extends "id" ? never : any };

/** An animation or timeline as in docs/animation.md. */
interface AnimationSpec {
  kind: "tween" | "keyframes" | "path" | "spring" | "sequence" | "parallel";
  id?: string;
  target?: string;
  property?: string;
  from?: any; to?: any; by?: number;
  duration?: number; delay?: number; easing?: string;
  keyframes?: { at: number; value: any; easing?: string }[];
  children?: AnimationSpec[];
  repeat?: number; pingPong?: boolean; label?: string;
  policy?: "replace" | "queue" | "blend" | "layer";
  [key: string]: any;
}

/** A running animation started by the script: subscribe to its events, control it. */
interface AnimationHandle {
  readonly id: string;
  onStart(handler: () => void): AnimationHandle;
  /** Every frame it plays. */
  onFrame(handler: () => void): AnimationHandle;
  onComplete(handler: () => void): AnimationHandle;
  /** Stopped or replaced before its end. */
  onCancel(handler: () => void): AnimationHandle;
  stop(): void;
  pause(): void;
  resume(): void;
  seek(seconds: number): void;
  reverse(): void;
}

interface FrameTime {
  /** Frame index since the show started. */
  frame: number;
  fps: number;
  /** Show time: frame / fps. */
  seconds: number;
}

interface ChatMessage {
  sequence: number;
  id: string;
  /** "x", "twitch", "youtube", "irc", "api" … */
  source: string;
  author: string;
  text: string;
  badges: string[];
  color: string | null;
  /** "bid", "question", "mention", "moderator" or null. */
  highlight: string | null;
  /** Show time (seconds) the message arrived at. */
  time: number;
  /** The platform's stable id of the author, or null (the API, the simulated audience). */
  authorId: string | null;
  /** The platform id of the message this one replies to, or null. */
  replyTo: string | null;
  /** Names mentioned in the text, without "@". */
  mentions: string[];
  /** The chat analysis: "bid", "question" or "other" (by the SDK's rule when no analysis stage ran). */
  kind: "bid" | "question" | "other";
  /** The bid's amount (for a raise, the raise itself), or null. */
  amount: number | null;
  /** The bid's currency code ("USD", "EUR", "GBP", "ETH" …), or null when none was written. */
  currency: string | null;
  /** Whether the bid raises the current price by amount ("+5"). */
  raise: boolean;
  /** -1 (negative) to 1 (positive), or null when no analysis stage ran. */
  sentiment: number | null;
  /** How sure the analysis is of kind, 0 to 1, or null when no analysis stage ran. */
  confidence: number | null;
  /** What the analysis noticed: "caps", "link", "not-bid:time" (a number it passed over, and why) … */
  flags: string[];
  /** What the chat stages found, in stage order (kinds: bid/question/other, mention, reply, skipped …). */
  annotations: { stage: string; kind: string; confidence: number; amount: number | null; currency: string | null; raise: boolean; sentiment: number | null; flags: string[] }[];
}

interface Bid {
  kind: "bid";
  /** The amount (for a raise, the raise itself); null when the message was highlighted as a bid but names no amount. */
  amount: number | null;
  /** Whether amount raises the current price ("+5", "raise 10", "5 more") rather than naming a price. */
  raise: boolean;
  /** -1 to 1, or null when no analysis stage ran. */
  sentiment: number | null;
  /** How sure the analysis is that this is a bid, 0 to 1 (1 when the SDK's rule or a highlight decided). */
  confidence: number;
  flags: string[];
  /** A code: "ETH", "USD" (for $), "EUR" (for €), "GBP" (for £) …, or null when none was written. */
  currency: string | null;
  author: string;
  text: string;
  message: ChatMessage;
}

/** A copy of the layer, or null. */
declare function layer(id: string): Layer | null;
/** Copies of every layer, bottom first. */
declare function layers(): Layer[];
/** Adds a layer, or replaces the one with the same id (so a reloaded script can run its set-up again). */
declare function create(layer: Layer): void;
/** Changes a layer with a JSON merge patch: update("bid", { props: { text: "Sold!" } }). */
declare function update(id: string, patch: LayerPatch): void;
declare function remove(id: string): void;

/** Animates one layer; the spec's target defaults to layerId. */
declare function animate(layerId: string, spec: AnimationSpec): AnimationHandle;
/** Plays a timeline (sequence or parallel) whose children name their targets. */
declare function timeline(spec: AnimationSpec): AnimationHandle;
/** Raises a show event for "event:NAME" triggers (docs/animation.md). */
declare function emit(eventName: string): void;

/** Every chat message as it enters the show. */
declare function onChat(handler: (message: ChatMessage) => void): void;
/** Messages that are bids: "bid 2.5", "bid 2.5 ETH", "2.5 ETH", "$300", "€1,200", "300 USD", or highlighted "bid". */
declare function onBid(handler: (bid: Bid) => void): void;
/** Messages ending with "?" or highlighted "question". */
declare function onQuestion(handler: (message: ChatMessage) => void): void;

/**
 * The host character says a line: state "talking" and speech.text, then back to "idle" after `seconds`
 * (default: from the text's length). `layer` defaults to the first layer of type "host".
 */
declare function say(text: string, options?: { seconds?: number; layer?: string }): void;

/**
 * The show's sound (the scene's "audio" section, docs/audio.md). A character with a voice channel ("voiceOf")
 * speaks what say() shows, and the line lasts at least as long as the voice.
 */
declare const audio: {
  /** Plays a sound now: a cue of the effects channel ("gavel", "bid-chime", "tick"), or of the channel named. */
  play(cue: string, channel?: string): void;
  /** Sets a channel's gain in dB, -60 to 12. */
  gain(channel: string, dB: number): void;
  /** Mutes a channel (false unmutes). */
  mute(channel: string, muted?: boolean): void;
};

/** Sends text to the audience through every chat source that can send (on X: a reply to the broadcast's post, posted at most once); replyTo is a chat message id. */
declare function reply(text: string, replyTo?: string): void;

/** Calls handler once after `seconds` of show time; returns a timer id for cancel(). */
declare function after(seconds: number, handler: () => void): number;
/** Calls handler every `seconds` of show time; returns a timer id for cancel(). */
declare function every(seconds: number, handler: () => void): number;
declare function cancel(timer: number): void;
/** Called every frame before it is drawn. */
declare function onFrame(handler: (time: FrameTime) => void): void;
/** The time of the frame being prepared. */
declare function now(): FrameTime;

/** The script's state: kept when the file is saved again, saved with the scene so it survives a restart. JSON values only. */
declare var state: { [key: string]: any };

/** Writes to the engine's log, naming the script. */
declare const log: ((...values: any[]) => void) & {
  info(...values: any[]): void;
  warn(...values: any[]): void;
  error(...values: any[]): void;
};

/** Starts an output (rtmp://, rtmps://, srt:// URL or a file); returns its id. Needs --allow-script-outputs. */
/** Calls a show behaviour a plugin provides, for example call("auction", "open", { lot: 3 }); returns its result. */
declare function call(behaviour: string, method: string, argument?: unknown): any;
declare function startOutput(target: string): string;
/** Stops an output by id. Needs --allow-script-outputs. */
declare function stopOutput(id: string): void;
