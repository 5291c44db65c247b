/// The furniture of every page of the pack: title (and subtitle) top-left
/// over a thin rule, footer with provenance on the left and the page number on
/// the right. Charts are laid out in the content rect it returns, so nothing
/// ever runs into the margins.
struct PageFrame {
    var title: String
    var subtitle: String?
    var footerLeft: String
    var footerRight: String

    static let margin = 36.0

    @discardableResult
    func draw(on pdf: PDFDocument) -> Rect {
        let page = Rect(x: 0, y: 0, width: pdf.width, height: pdf.height).inset(Self.margin)
        var y = page.y
        let titleLH = pdf.lineHeight(.title)
        pdf.fittedText(title, in: Rect(x: page.x, y: y, width: page.width, height: titleLH), .title)
        y += titleLH
        if let subtitle, !subtitle.isEmpty {
            let st = TextStyle.body.with(colour: .muted)
            let lh = pdf.lineHeight(st)
            pdf.fittedText(subtitle, in: Rect(x: page.x, y: y, width: page.width, height: lh), st)
            y += lh
        }
        y += 4
        pdf.line(Point(page.x, y), Point(page.maxX, y), .ink, width: 0.6)

        let footStyle = TextStyle.small.with(colour: .muted)
        let footLH = pdf.lineHeight(footStyle)
        let footTop = page.maxY - footLH
        pdf.line(Point(page.x, footTop - 3), Point(page.maxX, footTop - 3), .grid, width: 0.6)
        let rightWidth = min(pdf.measure(footerRight, footStyle) + 1, page.width * 0.4)
        pdf.fittedText(footerRight, in: Rect(x: page.maxX - rightWidth, y: footTop, width: rightWidth, height: footLH),
                       footStyle, align: .right)
        pdf.fittedText(footerLeft, in: Rect(x: page.x, y: footTop, width: page.width - rightWidth - 12, height: footLH),
                       footStyle)
        let contentTop = y + 14
        return Rect(x: page.x, y: contentTop, width: page.width, height: footTop - 3 - 14 - contentTop)
    }
}
