fn main() {
    lotline_desktop::run();
}
