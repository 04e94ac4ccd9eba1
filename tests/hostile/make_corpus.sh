#!/usr/bin/env bash
# Writes a corpus of hostile inputs into DIR: the kinds of bad file users have, made with
# FFmpeg's lavfi sources, head/dd and printf, so nothing binary is committed. Each file's expected
# outcome is in tests/hostile/hostile_test.cpp, which runs them (the EXR cases are written there).
# Usage: make_corpus.sh DIR
set -euo pipefail
dir=$1
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"
ff() { ffmpeg -nostdin -v error -y "$@"; }
# 64 KiB of pseudo-random bytes from FFmpeg's geq random() (fixed seed): the same damage on
# every run, so the expectations never depend on luck.
ff -f lavfi -i "nullsrc=s=256x256,format=gray,geq=lum='random(1)*255'" -frames:v 1 \
  -f rawvideo noise.bin
src() { echo "testsrc2=s=160x90:r=24:d=$1"; }

# A good clip to damage, with its index (moov) at the end, as a camera writes it.
ff -f lavfi -i "$(src 4)" -pix_fmt yuv420p -c:v libx264 -g 24 good.mp4
ff -f lavfi -i "$(src 4)" -pix_fmt yuv420p -c:v libx264 -g 24 -f mpegts good.ts

: > empty.mp4
cp noise.bin random.mp4
printf 'This is not a video.\nJust some text.\n' > text.mp4
# Truncated: the first half of a transport stream (every packet before the cut is intact).
size=$(stat -c %s good.ts)
head -c $((size / 2)) good.ts > truncated.ts
# An MP4 whose index is at the end, cut before the end: the moov atom is missing.
size=$(stat -c %s good.mp4)
head -c $((size * 3 / 4)) good.mp4 > no_moov.mp4
# An MP4 with its index first (as for streaming), cut at 60%: the index promises 96 frames.
ff -f lavfi -i "$(src 4)" -pix_fmt yuv420p -c:v libx264 -g 24 -movflags +faststart index_first.mp4
size=$(stat -c %s index_first.mp4)
head -c $((size * 6 / 10)) index_first.mp4 > truncated_index_first.mp4
rm index_first.mp4
# Corrupt packets: bytes overwritten in the middle of the transport stream's payload.
cp good.ts corrupt_packets.ts
size=$(stat -c %s good.ts)
for offset in $((size / 3)) $((size / 2)) $((size * 2 / 3)); do
  # dd alone, not a pipe: with pipefail, head closing a pipe early would fail the script.
  dd if=noise.bin of=corrupt_packets.ts bs=1 skip=$((offset % 60000)) seek="$offset" count=3000 \
    conv=notrunc status=none
done
# Audio only.
ff -f lavfi -i "sine=frequency=440:duration=2" -c:a aac audio_only.m4a
# An absurd frame rate: a raw H.264 stream (no timestamps) whose VUI timing claims 1.2 million
# frames per second.
ff -f lavfi -i "$(src 1)" -pix_fmt yuv420p -c:v libx264 \
  -bsf:v h264_metadata=tick_rate=1000000000/1 absurd_rate.h264
# Mid-stream changes: two transport streams of different sizes / pixel formats, concatenated.
ff -f lavfi -i "testsrc2=s=160x90:r=24:d=1" -pix_fmt yuv420p -c:v libx264 -f mpegts part_a.ts
ff -f lavfi -i "testsrc2=s=320x180:r=24:d=1" -pix_fmt yuv420p -c:v libx264 -f mpegts part_b.ts
cat part_a.ts part_b.ts > size_change.ts
ff -f lavfi -i "testsrc2=s=160x90:r=24:d=1" -pix_fmt yuv444p -c:v libx264 -f mpegts part_c.ts
cat part_a.ts part_c.ts > format_change.ts
rm part_a.ts part_b.ts part_c.ts
# Timestamps that wrap: MPEG-TS timestamps are 33 bits at 90 kHz (26.5 hours); start just before.
ff -f lavfi -i "$(src 3)" -pix_fmt yuv420p -c:v libx264 -f mpegts \
  -output_ts_offset 95442.5 ts_wrap.ts
# A frame size beyond the default limit (16384 wide): 20000x16.
ff -f lavfi -i "color=c=blue:s=20000x16:d=0.04" -pix_fmt yuv420p -c:v ffv1 huge_width.mkv
# Names that need escaping everywhere: spaces, unicode, a leading '-', a newline.
cp good.mp4 "with space ünïcødé.mp4"
cp good.mp4 -- "-leading-dash.mp4"
cp good.mp4 "$(printf 'new\nline.mp4')"
cp good.mp4 'quote"and<html>&.mp4'
# Not files: a directory with no images, a named pipe, a dangling link, an unreadable file.
mkdir -p empty_dir
rm -f fifo.mp4 && mkfifo fifo.mp4
ln -sf does_not_exist.mp4 dangling.mp4
cp good.mp4 unreadable.mp4 && chmod 000 unreadable.mp4
rm noise.bin
