/* $ echo cpp
   cpp
*/
