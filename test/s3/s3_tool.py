"""Test-side S3 chores through boto3 (installed with moto), for s3.test.mjs:

  s3_tool.py mkbucket BUCKET
  s3_tool.py enforce-auth                    makes an IAM user with S3 rights, prints
                                             its key id and secret, then has moto check
                                             every later request's SigV4 signature
  s3_tool.py download BUCKET PREFIX DIR      every object under PREFIX/ into DIR
  s3_tool.py clone BUCKET SRC DST            server-side copy of SRC/* to DST/*
  s3_tool.py put BUCKET KEY TEXT
  s3_tool.py fan-out BUCKET SRCKEY TEMPLATE N  copies SRCKEY to TEMPLATE % i, i < N
  s3_tool.py uploads BUCKET PREFIX           prints how many multipart uploads are open
  s3_tool.py keys BUCKET PREFIX              prints how many objects are under PREFIX/
  s3_tool.py bad-checksums BUCKET PREFIX     prints the objects under PREFIX/ whose body does
                                             not match their stored whole-object checksum
  s3_tool.py glue DATABASE                   prints the Glue database's tables (columns,
                                             partition keys, location, SerDe) and partitions

The endpoint and keys come from the same AWS_* variables cinelake reads."""
import json
import os
import sys

import boto3


def client():
    return boto3.client('s3', endpoint_url=os.environ['AWS_ENDPOINT_URL'], region_name=os.environ['AWS_REGION'])


def keys(s3, bucket, prefix):
    for page in s3.get_paginator('list_objects_v2').paginate(Bucket=bucket, Prefix=prefix + '/'):
        for o in page.get('Contents', []):
            yield o['Key']


def enforce_auth():
    import urllib.request
    iam = boto3.client('iam', endpoint_url=os.environ['AWS_ENDPOINT_URL'], region_name=os.environ['AWS_REGION'])
    iam.create_user(UserName='cinelake')
    iam.put_user_policy(UserName='cinelake', PolicyName='lake', PolicyDocument=json.dumps({
        'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': ['s3:*', 'glue:*'], 'Resource': '*'}]}))
    key = iam.create_access_key(UserName='cinelake')['AccessKey']
    urllib.request.urlopen(urllib.request.Request(os.environ['AWS_ENDPOINT_URL'] + '/moto-api/reset-auth',
                                                  data=b'0', method='POST',
                                                  headers={'Content-Type': 'text/plain'}), timeout=10).read()
    print(key['AccessKeyId'], key['SecretAccessKey'])


def glue_dump(database):
    glue = boto3.client('glue', endpoint_url=os.environ['AWS_ENDPOINT_URL'], region_name=os.environ['AWS_REGION'])
    out = {}
    for page in glue.get_paginator('get_tables').paginate(DatabaseName=database):
        for t in page['TableList']:
            sd = t['StorageDescriptor']
            parts = []
            for p in glue.get_paginator('get_partitions').paginate(DatabaseName=database, TableName=t['Name']):
                parts += [{'values': x['Values'], 'location': x['StorageDescriptor']['Location']} for x in p['Partitions']]
            out[t['Name']] = {
                'columns': [[c['Name'], c['Type']] for c in sd['Columns']],
                'partition_keys': [[c['Name'], c['Type']] for c in t.get('PartitionKeys', [])],
                'location': sd['Location'], 'table_type': t.get('TableType'),
                'serde': sd['SerdeInfo']['SerializationLibrary'], 'input_format': sd['InputFormat'],
                'partitions': sorted(parts, key=lambda x: x['values']),
            }
    print(json.dumps(out))


def main():
    if sys.argv[1] == 'enforce-auth':
        enforce_auth()
        return
    if sys.argv[1] == 'glue':
        glue_dump(sys.argv[2])
        return
    cmd, bucket, *args = sys.argv[1:]
    s3 = client()
    if cmd == 'mkbucket':
        s3.create_bucket(Bucket=bucket)
    elif cmd == 'download':
        prefix, out = args
        for key in keys(s3, bucket, prefix):
            # The gold commit's snapshots are server-side copies of files the
            # comparison reads live; not downloaded.
            if '/gold/_committed/' in key:
                continue
            path = os.path.join(out, key[len(prefix) + 1:])
            os.makedirs(os.path.dirname(path), exist_ok=True)
            s3.download_file(bucket, key, path)
    elif cmd == 'clone':
        src, dst = args
        for key in keys(s3, bucket, src):
            s3.copy_object(Bucket=bucket, Key=dst + key[len(src):], CopySource={'Bucket': bucket, 'Key': key})
    elif cmd == 'put':
        key, text = args
        s3.put_object(Bucket=bucket, Key=key, Body=text.encode())
    elif cmd == 'fan-out':
        src, template, n = args
        for i in range(int(n)):
            s3.copy_object(Bucket=bucket, Key=template % i, CopySource={'Bucket': bucket, 'Key': src})
    elif cmd == 'uploads':
        print(len(s3.list_multipart_uploads(Bucket=bucket, Prefix=args[0] + '/').get('Uploads', [])))
    elif cmd == 'keys':
        print(sum(1 for _ in keys(s3, bucket, args[0])))
    elif cmd == 'bad-checksums':
        import botocore.exceptions
        for key in keys(s3, bucket, args[0]):
            try:  # botocore checks a whole-object checksum as it reads (not a multipart one)
                s3.get_object(Bucket=bucket, Key=key, ChecksumMode='ENABLED')['Body'].read()
            except botocore.exceptions.FlexibleChecksumError:
                print(key)
    else:
        sys.exit(f'unknown command {cmd}')


main()
