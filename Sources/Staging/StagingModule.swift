/// The `Staging` module of omniflow. See README.md for the architecture.
public enum StagingModule {}
