"""Audio values and signal processing: ffmpeg, loudness, mixing, MP3 frames, telephone DSP."""
