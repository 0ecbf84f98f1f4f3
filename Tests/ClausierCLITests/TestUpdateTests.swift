import Foundation
import Testing

/// `clausier test --update`, run in-process on a copy of the shipped rules.
@Suite struct TestUpdateTests {
    @Test func aChangedExpectationIsRecordedBackAndTheRunPasses() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rules = directory.appendingPathComponent("Rules")
        try FileManager.default.copyItem(atPath: repository("Rules"), toPath: rules.path)
        let file = rules.appendingPathComponent("prospect-it.test.yaml")
        let original = try String(contentsOf: file, encoding: .utf8)
        let wrong = original.replacingOccurrences(
            of: #"value: {rate: "50%", penalty: "100.00 EUR"}"#, with: #"value: {rate: "50%", penalty: "101.00 EUR"}"#)
        #expect(wrong != original)
        try wrong.write(to: file, atomically: true, encoding: .utf8)

        #expect(clausier("test", rules.path).status == 1)
        let run = clausier("test", "--update", rules.path)
        #expect(run.status == 0)
        #expect(run.out.contains(#"'sla exactly 2 hours is in the 50% tier': {"rate":"50%","penalty":"101.00 EUR"} → {"rate":"50%","penalty":"100.00 EUR"}"#))
        #expect(run.out.hasSuffix("595 passed, 0 failed\n"))
        #expect(try String(contentsOf: file, encoding: .utf8) == original)
    }
}
