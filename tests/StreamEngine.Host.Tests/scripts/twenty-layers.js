// Bench load: touches 20 layers every frame (moves them and sets their opacity), and changes a text twice a second.
for (let i = 0; i < 20; i++)
  create({ id: `dot-${i}`, type: "shape", zIndex: 60 + i, transform: { x: 40 + i * 60, y: 360, width: 24, height: 24 },
           props: { shape: "circle", fill: "#ffd166" } });
create({ id: "counter", type: "overlay.text", zIndex: 90, transform: { x: 40, y: 20, width: 400, height: 50 },
         props: { text: "", color: "#ffffff", font: { family: "sans", size: 36 } } });
onFrame(t => {
  for (let i = 0; i < 20; i++)
    update(`dot-${i}`, { transform: { y: 360 + 80 * Math.sin(t.seconds * 2 + i / 3), opacity: 0.5 + 0.5 * Math.cos(t.seconds + i) } });
  if (t.frame % 15 === 0) update("counter", { props: { text: `frame ${t.frame}` } });
});
