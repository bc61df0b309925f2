#!/usr/bin/env python3
"""The script people write instead of imagebuilder-sql: every pipeline of every account and region, with
boto3's paginators, one account and region after another. The baseline of BENCHMARKS.md case 6b.

    python3 bench/boto3_scan.py --endpoint URL --accounts 111111111111,222222222222 \
        --role BenchReader --regions us-east-1,eu-west-1

Credentials come from boto3's usual chain (AWS_ACCESS_KEY_ID, ...). Prints one CSV line per pipeline
(arn, name, status) after a header, like `imagebuilder-sql query --format csv`.
"""
import argparse
import csv
import sys

import boto3


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--endpoint")
    p.add_argument("--accounts", required=True)
    p.add_argument("--role", required=True)
    p.add_argument("--regions", required=True)
    a = p.parse_args()

    out = csv.writer(sys.stdout, lineterminator="\r\n")
    out.writerow(["arn", "name", "status"])
    sts = boto3.client("sts", endpoint_url=a.endpoint, region_name="us-east-1")
    for account in a.accounts.split(","):
        creds = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/{a.role}",
                                RoleSessionName="inventory")["Credentials"]
        for region in a.regions.split(","):
            imagebuilder = boto3.client("imagebuilder", endpoint_url=a.endpoint, region_name=region,
                                        aws_access_key_id=creds["AccessKeyId"],
                                        aws_secret_access_key=creds["SecretAccessKey"],
                                        aws_session_token=creds["SessionToken"])
            for page in imagebuilder.get_paginator("list_image_pipelines").paginate():
                for pipeline in page["imagePipelineList"]:
                    out.writerow([pipeline["arn"], pipeline["name"], pipeline.get("status", "")])


if __name__ == "__main__":
    main()
