/** test_audio_content: Returns a tiny WAV clip as an audio block (conformance: tools-call-audio). */
// 8 samples of 8-bit mono PCM at 8 kHz, with a 44-byte RIFF/WAVE header.
const TINY_WAV = 'UklGRiwAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQgAAACAoIBggKCAYA=='

function main() {
  return { content: [{ type: 'audio', data: TINY_WAV, mimeType: 'audio/wav' }] }
}
