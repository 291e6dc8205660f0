from newsgraph.cli.app import main

main()
