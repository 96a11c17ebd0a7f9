$HD --help
