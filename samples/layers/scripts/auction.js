/// <reference path="../../../scripts/stream-engine.d.ts" />
// The demo auction (samples/layers): every higher bid in chat puts its price on the artwork card and the bid count
// up, the auctioneer announces it and his assistant reacts; when nobody outbids for a while he calls it — going once,
// going twice, sold — and the next lot comes up. Loaded by itself: it sits in the scene's scripts/ folder.

const LOTS = [
  { title: "Sunset over Lisbon", artist: "Marta Duarte", collection: "Atlantic Light", src: "assets/artwork.png", opening: 2.45 },
  { title: "Tidal Memory", artist: "Inês Carvalho", collection: "Atlantic Light", src: "assets/artwork-tidal.png", opening: 2.2 },
];
const GOING_AFTER = 6;   // seconds without a higher bid before "going once, going twice"
const SOLD_AFTER = 11;   // … and before "sold"
const NEXT_LOT_AFTER = 6;

state.lot ??= 0;       // index into LOTS
state.top ??= null;    // the highest bid on this lot: { amount, currency, author }
state.bids ??= 0;

let calling = [];      // the timers of going once / sold

const lot = () => LOTS[state.lot % LOTS.length];
const price = () => `${state.top ? state.top.amount : lot().opening} ${state.top?.currency ?? "ETH"}`;

function showLot() {
  const { title, artist, collection, src } = lot();
  update("artwork", { props: { src, metadata: { title, artist, collection, price: price() } } });
  update("bid-count", { props: { text: `${state.bids} ${state.bids === 1 ? "bid" : "bids"}  ·  lot ${7 + state.lot}` } });
}

function callTheLot() {
  calling.forEach(cancel);
  calling = [
    after(GOING_AFTER, () => say(`${price()} to ${state.top.author}… going once, going twice…`, { seconds: 4 })),
    after(SOLD_AFTER, () => {
      say(`Sold to ${state.top.author} for ${price()}!`, { seconds: 4 });
      update("host", { props: { state: "celebrating" } });
      update("assistant", { props: { state: "celebrating" } });
      emit("sold");
      after(NEXT_LOT_AFTER, nextLot);
    }),
  ];
}

function nextLot() {
  state.lot++;
  state.top = null;
  state.bids = 0;
  update("assistant", { props: { state: "idle" } });
  showLot();
  animate("artwork", { kind: "effect", effect: "fadeIn", duration: 0.6 });
  say(`Lot ${7 + state.lot}, ${lot().title}. Bidding opens at ${price()}!`, { seconds: 5 });
}

onBid(bid => {
  const current = state.top ? state.top.amount : lot().opening;
  if (bid.amount === null || bid.amount <= current) {
    log.info(`${bid.author} bid ${bid.text}, not above ${current}`);
    return;
  }
  state.top = { amount: bid.amount, currency: bid.currency ?? "ETH", author: bid.author };
  state.bids++;
  showLot();
  say(`${price()} from ${bid.author}! Do I hear more?`, { seconds: 3.5 });
  update("assistant", { props: { state: "reacting" } });
  after(1.2, () => update("assistant", { props: { state: "idle" } }));
  animate("artwork", { kind: "keyframes", property: "scale", keyframes: [{ at: 0, value: 1 }, { at: 0.15, value: 1.025 }, { at: 0.4, value: 1 }] });
  callTheLot();
});

onQuestion(message => say(`On it, ${message.author}!`, { layer: "assistant", seconds: 3 }));

showLot();
after(1.5, () => say(`Lot ${7 + state.lot}, ${lot().title}. Bidding opens at ${price()}!`, { seconds: 5 }));
