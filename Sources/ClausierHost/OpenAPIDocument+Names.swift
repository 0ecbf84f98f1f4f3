import Clausier

// The operation ids and schema names of the decisions, unique in the document.
extension OpenAPIDocument {
    /// The names one decision uses in the document.
    struct DecisionNames {
        /// The operation id, such as `prospectIt_slaPenalty`.
        var operationID: String
        /// The prefix of its component schemas, such as `ProspectIt_SlaPenalty`.
        var schemaPrefix: String

        var facts: String { schemaPrefix + "_Facts" }
        var value: String { schemaPrefix + "_Value" }
        var request: String { schemaPrefix + "_Request" }
        var answer: String { schemaPrefix + "_Answer" }
    }

    /// Hands out operation ids and schema names, unique even when two ids differ only in punctuation
    /// (`a-b` and `a_b` both read `AB`): a later one gets a numeric suffix.
    struct NameTable {
        private var operationIDs: Set<String> = []
        private var prefixes: Set<String> = []

        mutating func claim(contract: String, decision: String) -> DecisionNames {
            let operationID = Self.unique(
                Self.lowerCamel(contract) + "_" + Self.lowerCamel(decision), in: &operationIDs)
            let prefix = Self.unique(Self.upperCamel(contract) + "_" + Self.upperCamel(decision), in: &prefixes)
            return DecisionNames(operationID: operationID, schemaPrefix: prefix)
        }

        private static func unique(_ base: String, in taken: inout Set<String>) -> String {
            var name = base
            var counter = 2
            while taken.contains(name) {
                name = "\(base)\(counter)"
                counter += 1
            }
            taken.insert(name)
            return name
        }

        /// The id's words (split at anything but ASCII letters and digits).
        static func words(_ id: String) -> [String] {
            var words: [String] = []
            var current = ""
            for character in id {
                if character.isASCII, character.isLetter || character.isNumber {
                    current.append(character)
                } else if !current.isEmpty {
                    words.append(current)
                    current = ""
                }
            }
            if !current.isEmpty { words.append(current) }
            return words.isEmpty ? ["x"] : words
        }

        /// `prospect-it` → `ProspectIt`, `sla_penalty` → `SlaPenalty`.
        static func upperCamel(_ id: String) -> String {
            words(id).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }

        /// `prospect-it` → `prospectIt`, `sla_penalty` → `slaPenalty`.
        static func lowerCamel(_ id: String) -> String {
            let upper = upperCamel(id)
            return upper.prefix(1).lowercased() + upper.dropFirst()
        }
    }
}
