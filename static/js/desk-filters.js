'use strict';
// The claims queue's searching filters (speaker, article): choosing a record
// in the admin's autocomplete box reloads the list filtered by it; clearing
// the box drops the filter. The box itself is Django's (admin/js/autocomplete.js).
{
    const $ = django.jQuery;

    $(function() {
        $('select.desk-autocomplete-filter').on('change', function() {
            const params = new URLSearchParams(window.location.search);
            params.delete(this.dataset.parameter);
            params.delete(this.dataset.parameter + '_q');
            params.delete('p');  // a new filter starts on its first page
            if (this.value) {
                params.set(this.dataset.parameter, this.value);
            }
            const query = params.toString();
            window.location.search = query ? '?' + query : '';
        });
    });
}
