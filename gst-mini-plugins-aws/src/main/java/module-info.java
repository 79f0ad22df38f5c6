/**
 * Elements that read from and write to Amazon S3 (s3sink, s3src, s3hlssink). Skeleton until the S3 issue lands.
 */
module org.gstmini.plugins.aws {
    requires org.gstmini.base;
}
