// The same behaviour as behaviour.csx: an offline render of either gives the same frames.
create({ id: "box", type: "shape", zIndex: 5, transform: { x: 10, y: 10, width: 40, height: 30 }, props: { shape: "rect", fill: "#ff0000" } });
state.ticks = 0;
every(0.2, () => {
  state.ticks++;
  update("title", { props: { text: "tick " + state.ticks } });
});
animate("box", { kind: "tween", property: "x", to: 100, duration: 1 })
  .onComplete(() => update("box", { props: { fill: "#00ff00" } }));
onFrame(t => {
  if (t.frame % 10 === 0) update("box", { transform: { y: 10 + t.frame / 2 } });
});
after(0.5, () => create({ id: "dot", type: "shape", zIndex: 7, transform: { x: 140, y: 5, width: 12, height: 12 }, props: { shape: "circle", fill: "#ffff00" } }));
after(1.2, () => remove("dot"));
