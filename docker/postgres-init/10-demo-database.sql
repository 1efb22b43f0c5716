-- Run by the postgres image once, when its data volume is new (docker-compose.yml mounts this folder).
-- The demo profile gets its own database, so its seeded tenant "demo" never lands in the production data.
CREATE DATABASE ecm365_demo;
