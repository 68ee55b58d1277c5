#!/usr/bin/env bash
# Writes bed.ogg, the auction show's music bed: a calm 20 s loop at 96 bpm (Cmaj7, Am7, Fmaj7, Gsus4 then G7, twice):
# a soft sine pad, a plucked arpeggio in eighths an octave up, a bass note on each bar, a little reverb, and the top rolled off above 5 kHz so the voices sit over it.
# Synthesised with sox alone, so it is the project's own work (CC0, see LICENCE.md); running this again remakes it.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bar=2.5 eighth=0.3125
# Each bar: the bass, then the four pad notes the arpeggio walks, as semitones from A4 (440 Hz).
bars=(
  "-33 -9 -5 -2 2"    # Cmaj7: C2 | C4 E4 G4 B4
  "-36 -12 -9 -5 -2"  # Am7:   A1 | A3 C4 E4 G4
  "-40 -16 -12 -9 -5" # Fmaj7: F1 | F3 A3 C4 E4
  "-38 -14 -9 -7 -2"  # Gsus4: G1 | G3 C4 D4 G4
  "-33 -9 -5 -2 2"
  "-36 -12 -9 -5 -2"
  "-40 -16 -12 -9 -5"
  "-38 -14 -10 -7 -4" # G7:    G1 | G3 B3 D4 F4
)
n=0
for chord in "${bars[@]}"; do
  read -r bass a b c d <<<"${chord%%#*}"
  n=$((n + 1))
  sox -n -r 48000 "$work/pad$n.wav" synth $bar sine %$a sine %$b sine %$c sine %$d channels 1 vol 0.1 fade q 0.5 $bar 0.6
  sox -n -r 48000 -c 1 "$work/bass$n.wav" synth $bar sine %$bass vol 0.4 fade q 0.03 $bar 1.0
  i=0
  for note in $a $b $c $d $c $b $c $d; do
    i=$((i + 1))
    sox -n -r 48000 -c 1 "$work/arp$n-$i.wav" synth $eighth pluck %$((note + 12)) vol 0.22 fade q 0.004 $eighth 0.15
  done
  sox "$work"/arp$n-{1..8}.wav "$work/arp$n.wav"
  sox -m "$work/pad$n.wav" "$work/bass$n.wav" "$work/arp$n.wav" "$work/bar$n.wav"
done
sox "$work"/bar{1..8}.wav -c 2 "$work/dry.wav"
# The reverb runs over the loop played twice and the second pass is kept, so the tail of the last bar rings into the
# first one and the loop joins without a gap.
sox "$work/dry.wav" "$work/dry.wav" "$work/twice.wav"
sox "$work/twice.wav" "$work/wet.wav" reverb -w 35 50 70 trim 20 20
sox "$work/wet.wav" -C 3 bed.ogg lowpass 5000 norm -4
echo "wrote $(pwd)/bed.ogg"
