"""Op-table rows: math ops (see ``mindshim._registry``). Import helpers from ``.core``."""
