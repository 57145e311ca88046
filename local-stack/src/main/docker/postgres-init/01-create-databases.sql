-- Run once by the postgres image on an empty volume (docker-compose.yml): one database per service.
create database personnel;
create database quota;
create database project;
