"""Op-table rows: array ops (see ``mindshim._registry``). Import helpers from ``.core``."""
