// The n8n nodes and credentials are listed in package.json under "n8n"; nothing is exported here.
