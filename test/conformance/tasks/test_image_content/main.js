/** test_image_content: Returns a 1x1 red PNG as an image block (conformance: tools-call-image). */
const RED_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC'

function main() {
  return { content: [{ type: 'image', data: RED_PIXEL_PNG, mimeType: 'image/png' }] }
}
