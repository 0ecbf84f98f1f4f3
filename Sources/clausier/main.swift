import ClausierCLI

runClausierCommand()
