from revint_cli.cli import main

main()
