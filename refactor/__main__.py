from refactor.cli.app import main

main()
