/* $ echo h
   h
*/
