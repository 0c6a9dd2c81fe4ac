"""The build: the pipeline that runs the stages, staging and publishing, progress."""
