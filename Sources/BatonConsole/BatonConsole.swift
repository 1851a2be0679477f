enum BatonConsoleModule {}
