/** Words near a street address that confirm it (raise its confidence), shared by every address rule. */
export const ADDRESS_CONTEXT = ['address', 'ship to', 'shipping', 'deliver', 'delivery', 'billing', 'lives at', 'located at',
  'mail to', 'send to', 'street', 'apartment', 'residence', 'home', 'dirección', 'domicilio', 'adresse', 'anschrift',
  'indirizzo', 'endereço', 'morada', 'adres', 'адрес', 'адреса', 'доставка', 'διεύθυνση'];
