//! Content that runs over several pages: a vertical cursor that moves to a new page when the
//! next block does not fit above the bottom margin.

use super::{Canvas, Pdf};

/// Draws the top of a continuation page (a short header) and returns where content starts.
pub(crate) type StartPage<'p> = Box<dyn Fn(&mut Canvas) -> f32 + 'p>;

pub(crate) struct Flow<'p> {
    pdf: &'p Pdf,
    pages: Vec<Canvas>,
    /// Where the next block goes, in mm from the top of the current page.
    pub(crate) y: f32,
    bottom: f32,
    start_page: StartPage<'p>,
}

impl<'p> Flow<'p> {
    /// Continues on `first` at `y`; content stays above `bottom` on every page.
    pub(crate) fn new(pdf: &'p Pdf, first: Canvas, y: f32, bottom: f32, start_page: StartPage<'p>) -> Self {
        Self { pdf, pages: vec![first], y, bottom, start_page }
    }

    /// The page being drawn on.
    pub(crate) fn page(&mut self) -> &mut Canvas {
        // `pages` starts with one page and only grows.
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Starts a new page unless `height` mm still fit on this one. Returns whether it did.
    pub(crate) fn ensure(&mut self, height: f32) -> bool {
        if self.y + height <= self.bottom {
            return false;
        }
        self.new_page();
        true
    }

    pub(crate) fn new_page(&mut self) {
        let mut canvas = self.pdf.canvas();
        self.y = (self.start_page)(&mut canvas);
        self.pages.push(canvas);
    }

    pub(crate) fn into_pages(self) -> Vec<Canvas> {
        self.pages
    }
}
