/// <reference path="./stream-engine.d.ts" />
// An auction overlay to copy and change: the top bid on screen, a price tag that pops on every higher bid,
// and the host says "Sold!" when nobody has bid for a while. Run it live:
//   ./stream-engine run --scene samples/hello/scene.json --script scripts/example.js
// bid from another terminal:
//   curl -X POST localhost:4200/api/chat -H 'content-type: application/json' -d '{"author":"ana","text":"bid 3 ETH"}'
// then edit this file and save it: the show picks the change up at the next frame, keeping `state`.

const SOLD_AFTER_SECONDS = 15;

// `state` is kept when this file is saved again and when the engine restarts.
state.top ??= null; // { amount, currency, author }
state.bids ??= 0;

create({
  id: "top-bid", type: "overlay.text", zIndex: 80,
  transform: { x: 40, y: 24, width: 760, height: 56 },
  props: { text: topBidText(), color: "#ffffff", shadow: "#00000080", font: { family: "sans", size: 40, weight: 700 } },
});
create({
  id: "price-tag", type: "shape", zIndex: 81,
  transform: { x: 1120, y: 64, width: 240, height: 84, anchor: { x: 0.5, y: 0.5 }, scaleX: 0, scaleY: 0 },
  props: { shape: "rect", radius: 20, fill: "#2ec4b6", stroke: "#ffffff", strokeWidth: 3 },
});
create({
  id: "price-tag-text", type: "overlay.text", zIndex: 82,
  transform: { x: 1120, y: 64, width: 240, height: 52, anchor: { x: 0.5, y: 0.5 }, scaleX: 0, scaleY: 0 },
  props: { text: "", align: "center", color: "#0b2027", font: { family: "sans", size: 40, weight: 800 } },
});

function topBidText() {
  const top = state.top;
  return top ? `Top bid ${top.amount} ${top.currency ?? ""} · ${top.author}` : "Bidding is open";
}

let sold = null; // the timer that ends the lot

onBid(bid => {
  if (bid.amount === null || (state.top && bid.amount <= state.top.amount)) {
    log.info(`${bid.author}'s bid "${bid.text}" is not above the top bid`);
    return;
  }
  state.top = { amount: bid.amount, currency: bid.currency, author: bid.author };
  state.bids++;
  update("top-bid", { props: { text: topBidText() } });
  if (layer("bid")) update("bid", { props: { text: `Current bid  ${bid.amount} ${bid.currency ?? ""}` } }); // the hello scene's lower third
  update("price-tag-text", { props: { text: `${bid.amount} ${bid.currency ?? ""}` } });
  for (const id of ["price-tag", "price-tag-text"])
    animate(id, { kind: "keyframes", property: "scale", keyframes: [{ at: 0, value: 0.2 }, { at: 0.2, value: 1.15 }, { at: 0.35, value: 1 }] });
  emit("bid"); // scene triggers on "event:bid" run too

  if (sold !== null) cancel(sold);
  sold = after(SOLD_AFTER_SECONDS, () => {
    const line = `Sold to ${state.top.author} for ${state.top.amount} ${state.top.currency ?? ""}!`;
    if (layers().some(l => l.type === "host")) say(line);
    update("top-bid", { props: { text: line } });
    emit("sold");
  });
});

onQuestion(message => log.info(`question from ${message.author}: ${message.text}`));
