import ClausierDiagnostics
import Testing

@Suite("GitHub workflow commands")
struct GitHubRendererTests {
    @Test("one command per finding, with file, line, column and code")
    func lines() {
        let diagnostics: [Diagnostic] = [
            .error(.unknownKey, "unknown key 'cite'", at: SourceLocation(file: "Rules/prospect-it.yaml", line: 18, column: 5),
                   hints: ["did you mean 'cites'?"]),
            .warning(.missingCitation, "no citation", at: SourceLocation(file: "Rules/a.yaml", line: 3, column: 1)),
            Diagnostic(.untestedDecision, .note, "no test", at: SourceLocation(file: "Rules/a.yaml", line: 2, column: 3)),
            .error(.unreadableFile, "no rule files were found", at: nil),
        ]
        #expect(GitHubRenderer.render(diagnostics) == """
            ::error file=Rules/prospect-it.yaml,line=18,col=5,title=CLS010::unknown key 'cite' (hint: did you mean 'cites'?)
            ::warning file=Rules/a.yaml,line=3,col=1,title=CLS050::no citation
            ::notice file=Rules/a.yaml,line=2,col=3,title=CLS071::no test
            ::error title=CLS001::no rule files were found

            """)
        #expect(GitHubRenderer.render([]) == "")
    }

    @Test("notes follow the message with their location")
    func notes() {
        let diagnostic = Diagnostic.error(
            .duplicateKey, "duplicate key 'cites'", at: SourceLocation(file: "x.yaml", line: 3, column: 3),
            notes: [DiagnosticNote("first defined here", at: SourceLocation(file: "x.yaml", line: 2, column: 3))])
        #expect(GitHubRenderer.line(diagnostic)
            == "::error file=x.yaml,line=3,col=3,title=CLS003::duplicate key 'cites' (note: first defined here at x.yaml:2:3)")
    }

    @Test("messages escape %, carriage returns and line feeds; properties also : and ,")
    func escaping() {
        #expect(GitHubRenderer.escapeData("50% off\r\nnext: a, b") == "50%25 off%0D%0Anext: a, b")
        #expect(GitHubRenderer.escapeProperty("C:\\rules,v2/50%.yaml\n") == "C%3A\\rules%2Cv2/50%25.yaml%0A")
        let diagnostic = Diagnostic.error(
            .yamlSyntax, "a ':' here\nline two 100%", at: SourceLocation(file: "dir,1/a:b.yaml", line: 1, column: 2))
        #expect(GitHubRenderer.line(diagnostic)
            == "::error file=dir%2C1/a%3Ab.yaml,line=1,col=2,title=CLS002::a ':' here%0Aline two 100%25")
    }
}
