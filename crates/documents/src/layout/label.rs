//! Drawing the lot and RMA labels share.

use super::{Align, Canvas, INK, TextStyle, truncate};

/// The black band across the top of a label, `heading` knocked out of it (in `style`, whose colour
/// should be [`super::PAPER`]): `pad` mm in from the band's left edge, centred vertically, cut
/// short to fit. `size` is the band's width and height, in mm.
pub(crate) fn heading_band(
    canvas: &mut Canvas,
    x: f32,
    top: f32,
    size: (f32, f32),
    pad: f32,
    heading: &str,
    style: &TextStyle,
) {
    let (width, height) = size;
    canvas.fill_rect(x, top, width, height, INK);
    let heading = truncate(canvas.fonts(), heading, style, width - 2.0 * pad);
    canvas.text(x + pad, top + (height - style.line_mm()) / 2.0, &heading, style, Align::Left);
}
