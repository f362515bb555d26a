//! brine-compiler: Python 3 source to brine-vm code objects.
