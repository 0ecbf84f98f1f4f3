import Testing

@Suite struct MarkedSourceTests {
    @Test func markersAreStrippedAndPlaced() {
        let source = MarkedSource("a: 1️⃣1\n  b: 2️⃣x + 3️⃣y\n4️⃣")
        #expect(source.text == "a: 1\n  b: x + y\n")
        #expect(source["1️⃣"] == .init(line: 1, column: 4))
        #expect(source["2️⃣"] == .init(line: 2, column: 6))
        #expect(source["3️⃣"] == .init(line: 2, column: 10))
        #expect(source["4️⃣"] == .init(line: 3, column: 1))
        #expect(source.duplicates.isEmpty)
    }

    @Test func columnsCountUnicodeScalarsAndDigitsStayText() {
        // "é" is one scalar; "2025-01-01" has digits that are not markers; "\r\n" is one break.
        let source = MarkedSource("titre: é1️⃣x 2025-01-01\r\n🔟z 5\u{20E3}w")
        #expect(source.text == "titre: éx 2025-01-01\r\nz w")
        #expect(source["1️⃣"] == .init(line: 1, column: 9))
        #expect(source["🔟"] == .init(line: 2, column: 1))
        // A keycap written without the variation selector is the same marker.
        #expect(source["5️⃣"] == .init(line: 2, column: 3))
    }

    @Test func aMarkerUsedTwiceIsReported() {
        #expect(MarkedSource("1️⃣a 1️⃣b").duplicates == ["1️⃣"])
    }
}
