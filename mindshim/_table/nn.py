"""Op-table rows: nn ops (see ``mindshim._registry``). Import helpers from ``.core``."""
