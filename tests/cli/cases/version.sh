$HD --version
