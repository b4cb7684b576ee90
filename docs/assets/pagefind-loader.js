/* Social Credit Archive: hands the Pagefind module to search.js.
   search.js inserts this file as a module script. Under the pages' CSP ('strict-dynamic'), a
   script a trusted script inserts may run and import, while import() called from a hashed
   classic script is refused; so search.js cannot import Pagefind itself. */
import * as pagefind from "../pagefind/pagefind.js";

window.dispatchEvent(new CustomEvent("scs-pagefind", { detail: pagefind }));
