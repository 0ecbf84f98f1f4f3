/// An ISO 4217 currency code such as `EUR`: exactly three ASCII uppercase letters.
///
/// The letters are packed into a `UInt32` so that comparing and hashing currencies in money
/// arithmetic never touches a `String`.
public struct Currency: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The three letters, first letter in the highest of the three low bytes.
    private let packed: UInt32

    /// Creates a currency from a three-letter uppercase code; returns nil for anything else (`"eur"`, `"EURO"`, `"E1R"`).
    public init?(code: some StringProtocol) {
        var packed: UInt32 = 0
        var count = 0
        for byte in code.utf8 {
            guard count < 3, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else { return nil }
            packed = packed << 8 | UInt32(byte)
            count += 1
        }
        guard count == 3 else { return nil }
        self.packed = packed
    }

    /// Creates a currency from already validated packed letters.
    private init(packed: UInt32) {
        self.packed = packed
    }

    /// The euro.
    public static let eur = Currency(packed: UInt32(UInt8(ascii: "E")) << 16 | UInt32(UInt8(ascii: "U")) << 8 | UInt32(UInt8(ascii: "R")))

    /// The three-letter code, e.g. `"EUR"`.
    public var code: String {
        // Three bytes fit in a small (inline) string, so this does not allocate.
        String(unsafeUninitializedCapacity: 3) { buffer in
            guard buffer.count >= 3 else { return 0 }
            buffer[0] = UInt8(truncatingIfNeeded: packed >> 16)
            buffer[1] = UInt8(truncatingIfNeeded: packed >> 8)
            buffer[2] = UInt8(truncatingIfNeeded: packed)
            return 3
        }
    }

    /// The code, e.g. `"EUR"`.
    public var description: String { code }

    /// Decodes from a JSON string holding a three-letter uppercase code.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let currency = Currency(code: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\"\(text)\" is not a currency code: expected three uppercase letters, like \"EUR\""
            )
        }
        self = currency
    }

    /// Encodes as a JSON string of the code.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
