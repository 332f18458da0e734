/* $ echo php
   php
*/
