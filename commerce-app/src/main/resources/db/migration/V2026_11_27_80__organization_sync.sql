-- Initial sync of customers-to-accounts pages through organisation customers by id.
CREATE INDEX customer_organization_id ON customer (id) WHERE type = 'ORGANIZATION';
