"""The dbt project as Dagster assets: staging, intermediate and mart models, dbt tests as asset checks."""
